/**
 * The jobs the application has, by name ({@link org.wushe.jobs.domain.JobName}): the one list the
 * operator console, the API, the nightly run and its configuration take their names from.
 */
package org.wushe.jobs.domain;
