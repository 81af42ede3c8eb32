/**
 * Excel exports of the lists staff work from: which lists may be exported by whom
 * ({@link org.wushe.export.domain.ExportList}), the upper bound of one export and its audit entry
 * ({@link org.wushe.export.application.ListExports}). The rows themselves come from the service the
 * list's table pages through, in the web module, so an export holds exactly what the screen shows.
 */
package org.wushe.export;
