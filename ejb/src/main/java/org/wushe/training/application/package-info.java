/**
 * The training services, one per use-case group: {@code CourseService} (courses, sessions, the
 * catalogue), {@code EnrolmentService} (capacity levels, enrolment rules, a resident's own
 * trainings), {@code TrainingResultService} (trainees, attendance, assessment with its certificate,
 * the practice link that earns training points), {@code LadderService} (the participation ladder).
 * {@code TrainingLookup} holds their look-ups, {@code TrainingViews} what they take and hand out.
 */
package org.wushe.training.application;
