/**
 * The operator's hold on the batch jobs as the services module offers it: {@link
 * org.wushe.jobs.application.Jobs} (the jobs there are, start with parameters, stop, restart, the
 * recent executions and one execution, an uploaded import file) and the views it returns. The batch
 * module implements it next to the jobs ({@code org.wushe.batch.console.JobConsole}); the web
 * module's screen and {@code /api/jobs} use only this interface.
 */
package org.wushe.jobs.application;
