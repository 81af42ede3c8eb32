/**
 * The nightly Jakarta Batch jobs, one sub-package per job (reader, pure processor, writer) with
 * the job XML in {@code META-INF/batch-jobs/<noun>-<verb>.xml}. Depends on the EJB module's domain
 * and services; nothing depends on it. No job is defined yet: settlement, assessment, reports and
 * imports arrive with their issues.
 */
package org.wushe.batch;
