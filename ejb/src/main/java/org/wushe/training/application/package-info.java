/** Training services: the catalogue, enrolment rules, attendance, assessment, practice links, training points and the ladder. */
package org.wushe.training.application;
