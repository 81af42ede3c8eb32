/**
 * The Jakarta Batch jobs, one sub-package per job (reader, pure processor, writer, or a batchlet)
 * with the job XML in {@code META-INF/batch-jobs/<noun>-<verb>.xml}, one for each name of
 * {@link org.wushe.jobs.domain.JobName}: {@code imports} (the three import jobs, files inside the
 * import inbox only, and {@code inbox-purge}, the inbox's retention), {@code settle}, {@code expire},
 * {@code assess}, {@code reports}; {@code console} implements the services module's
 * {@link org.wushe.jobs.application.Jobs}, the operator's hold on them, and {@code schedule} is the
 * nightly run. Depends on the EJB module's domain and services; nothing depends on this module (the
 * web module reaches the jobs through {@code Jobs} only).
 */
package org.wushe.batch;
