/**
 * Bureau CSV imports of residents, grid cells and volunteers' certifications: reading a file in
 * whatever encoding it came in, checking every line with the rules of {@code community} and
 * {@code volunteering}, storing the good lines in batches and reporting the bad ones. Built as
 * pieces a batch chunk step calls (reader, pure validator, writer in the caller's transaction) plus
 * one service that runs a whole file. Depends on {@code shared}, {@code security}, {@code community},
 * {@code volunteering}.
 */
package org.wushe.imports;
