/**
 * The Jakarta Batch jobs, one sub-package per job (reader, pure processor, writer, or a batchlet)
 * with the job XML in {@code META-INF/batch-jobs/<noun>-<verb>.xml}: {@code imports} (the three
 * import jobs, files inside the import inbox only, and {@code inbox-purge}, the inbox's retention),
 * {@code settle}, {@code expire}, {@code assess}, {@code reports}; {@code console} is the operator's
 * hold on them (screen and {@code /api/jobs}), {@code schedule} the nightly run. Depends on the EJB
 * module's domain and services; the web module uses the console.
 */
package org.wushe.batch;
