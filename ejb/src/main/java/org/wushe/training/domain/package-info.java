/** Capacity training (courses, sessions, enrolments, certifications by training) and the participation ladder. */
package org.wushe.training.domain;
