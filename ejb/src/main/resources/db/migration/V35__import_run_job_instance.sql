-- The job instance whose partitions read an import run's file: a restart of the instance (a new
-- execution) finds its unfinished runs by it (ImportPartitions), without asking the batch runtime
-- for the instance's earlier executions (only the job console talks to the runtime).
ALTER TABLE import_run ADD COLUMN job_instance_id BIGINT;
