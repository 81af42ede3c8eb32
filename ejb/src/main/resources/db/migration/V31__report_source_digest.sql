-- What a report file shows, as a SHA-256 of its inputs (the figures, medians, trend and fund shares
-- of a community's month, the layout's version and the report font), without the time it was made:
-- reports-monthly writes a community's files again only when this differs or the file is gone, so
-- a night with nothing new does not redo the month's PDFs (docs/reports.md). Empty for files made
-- before this column and for files written whatever their inputs (the city's, the donors').
ALTER TABLE report_file ADD COLUMN source_digest VARCHAR(64);
