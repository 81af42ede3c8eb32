-- A residents import in partitions (residents-import, docs/imports.md): each partition of the job
-- reads the whole file and stores the lines whose ID number falls to it, so one run of a file is
-- shared by the partitions. parts is their number, parts_ended how many have read the file to its
-- end (in their own chunk transactions); the one that ends last ends the run. file_path is the file
-- the run reads, so a restart of the job finds its unfinished runs and their files again.
ALTER TABLE import_run ADD COLUMN parts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE import_run ADD COLUMN parts_ended INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_run ADD COLUMN file_path VARCHAR(1000);
