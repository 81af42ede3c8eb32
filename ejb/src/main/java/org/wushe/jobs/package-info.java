/**
 * Batch jobs as the rest of the application sees them: their names ({@code domain}) and the
 * operator's interface to run and follow them ({@code application}), implemented by the batch
 * module. Depends on {@code shared}, {@code security} (the right {@code OPERATE_JOBS}) and
 * {@code imports} (the kinds of import file).
 */
package org.wushe.jobs;
