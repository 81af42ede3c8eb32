package org.wushe.web.export;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.ActionSource;
import jakarta.faces.component.UICommand;
import jakarta.faces.component.ValueHolder;
import jakarta.faces.component.html.HtmlGraphicImage;
import jakarta.faces.component.UIOutcomeTarget;
import jakarta.faces.component.html.HtmlCommandLink;
import jakarta.faces.component.html.HtmlOutputLink;
import java.io.IOException;
import java.util.stream.Collectors;
import org.primefaces.component.api.UIColumn;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.datatable.export.DataTableExcelXStreamExporter;
import org.primefaces.component.export.ColumnValue;
import org.wushe.export.application.ListExports;
import org.wushe.export.domain.ExportList;

/**
 * PrimeFaces' streaming xlsx exporter of a data table (POI's SXSSF: a window of rows in memory, so
 * the bound's 50,000 rows keep memory flat) with what the product adds: no title row (the sheet
 * holds the column headers as on screen, then one row per table row), every text cell through
 * {@link XlsxCells}, each cell the text the screen shows (links by their text, template text by
 * what it renders: {@link ScreenText}), the rows counted and kept within the bound while they are read, and the audit
 * entry ({@link ListExports#exported}) written after the last row and before the file is written
 * out, so a file whose export could not be logged is never handed out.
 */
class XlsxTableExporter extends DataTableExcelXStreamExporter {

    private final ListExports exports;
    private final ExportList list;
    private final String filters;
    private final String sheetName;
    private final int maxRows;
    private XlsxCells cells;
    private long rows;

    XlsxTableExporter(ListExports exports, ExportList list, String filters, String sheetName, int maxRows) {
        this.exports = exports;
        this.list = list;
        this.filters = filters;
        this.sheetName = sheetName;
        this.maxRows = maxRows;
    }

    /** The data rows written (without the header row). */
    long rows() {
        return rows;
    }

    @Override
    protected void addTableFacets(FacesContext context, DataTable table, ColumnType columnType) {
        // the table's header facet ("共 N 条") is no row of the list
    }

    @Override
    protected void exportCellValue(FacesContext context, DataTable table, UIColumn col, ColumnValue value, int index) {
        if (index == 0) {
            rows++;
            if (rows > maxRows) {
                // the list grew past the bound between the count and the reading: no file
                throw new IllegalStateException("export of " + list + " passed its bound of " + maxRows + " rows");
            }
        }
        super.exportCellValue(context, table, col, value, index);
        if (cells == null) {
            cells = new XlsxCells(document);
        }
        cells.neutralise(row().getCell(index));
    }

    /**
     * The text of a cell's component as the screen shows it: a link ({@code h:link}, {@code p:link})
     * by its text rather than its target, an output link by its children's text, a button by
     * nothing; everything else as PrimeFaces reads it.
     */
    @Override
    public String getComponentValue(FacesContext context, UIComponent component) {
        if (component instanceof UIOutcomeTarget link && !(component instanceof UICommand)) {
            Object text = link.getValue();
            return text != null ? text.toString() : childrenText(context, component);
        }
        if (component instanceof HtmlOutputLink) {
            return childrenText(context, component);
        }
        if (component instanceof UICommand && !(component instanceof HtmlCommandLink)) {
            return "";
        }
        if (!(component instanceof ValueHolder) && !(component instanceof ActionSource)
                && !(component instanceof HtmlGraphicImage) && !component.getClass().getName().startsWith("org.primefaces")) {
            // template text ("<div>#{…}</div>"), ui:repeat, panels: what they render, as text
            return ScreenText.of(context, component);
        }
        return super.getComponentValue(context, component);
    }

    private String childrenText(FacesContext context, UIComponent parent) {
        return parent.getChildren().stream().filter(UIComponent::isRendered)
                .map(c -> getComponentValue(context, c)).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining(" "));
    }

    @Override
    public String getSheetName(FacesContext context, UIComponent table, int index) {
        return org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName);
    }

    @Override
    protected void postExport(FacesContext context) throws IOException {
        exports.exported(list, filters, rows);
        super.postExport(context);
    }
}
