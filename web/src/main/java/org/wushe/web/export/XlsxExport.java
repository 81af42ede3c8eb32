package org.wushe.web.export;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.component.export.ExcelOptions;
import org.primefaces.component.export.ExportConfiguration;
import org.primefaces.expression.SearchExpressionUtils;
import org.primefaces.model.LazyDataModel;
import org.primefaces.util.ComponentUtils;
import org.primefaces.util.ResourceUtils;
import org.wushe.export.application.ListExports;
import org.wushe.export.domain.ExportList;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.shared.WusheException;
import org.wushe.web.support.Messages;

/**
 * The "导出 Excel" button of a list ({@code WEB-INF/includes/export-xlsx.xhtml}): exports the list's
 * table to xlsx through PrimeFaces' table export, which reads the rows from the table's own value,
 * the same scoped, masked service call the screen pages through (a lazy table is read a service
 * page of {@link PageRequest#MAX_SIZE} rows at a time). Before a row is read the list's service
 * counts the rows and {@link ListExports#permit} checks the right and the bound; a refusal is shown
 * beside the button and no file is sent. A table that shows one page of a longer list names a lazy
 * model over the whole list ({@code model}), built on the same service call, which the export reads
 * instead. The file is {@code <list>-<day>.xlsx}, its sheet named after the list.
 */
@Named
@RequestScoped
public class XlsxExport {

    static final String LIST = "exportList";
    static final String TABLE = "exportTable";
    static final String FILTERS = "exportFilters";
    static final String MODEL = "exportModel";
    static final String SHEET = "exportSheet";

    @EJB
    ListExports exports;

    private final Map<ExportList, Boolean> may = new EnumMap<>(ExportList.class);

    /** Whether the signed-in caller may export the list (its button is shown only then). */
    public boolean may(String list) {
        // asked on every render and on each phase of an Ajax request: once per list and request
        return may.computeIfAbsent(ExportList.valueOf(list), exports::mayExport);
    }

    /** The action listener of the button: checks, counts, exports and audits, or shows the refusal. */
    public void export(ActionEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent button = event.getComponent();
        Map<String, Object> attributes = button.getAttributes();
        ExportList list = ExportList.valueOf((String) attributes.get(LIST));
        DataTable table = (DataTable) SearchExpressionUtils.contextlessResolveComponent(context, button,
                (String) attributes.get(TABLE));
        Object whole = attributes.get(MODEL);
        boolean wasLazy = table.isLazy();
        boolean swapped = whole instanceof LazyDataModel<?>;
        try {
            if (swapped) {
                table.setValue(whole);
                table.setLazy(true);
            }
            long count = count(table);
            if (context.isValidationFailed()) {
                return; // the list's service refused its filters: the page shows why, and no file is sent
            }
            int max = exports.permit(list, count);
            String sheet = (String) attributes.get(SHEET);
            XlsxTableExporter exporter = new XlsxTableExporter(exports, list, (String) attributes.get(FILTERS),
                    sheet == null || sheet.isBlank() ? list.fileStem() : sheet, max);
            write(context, exporter, table, list.fileStem() + "-" + LocalDate.now() + exporter.getFileExtension());
        } catch (WusheException refused) {
            String text = text(context, refused);
            context.addMessage(button.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            context.validationFailed();
        } finally {
            if (swapped) {
                // the table's value is its expression again (the shown page), for a page rendered after a refusal
                table.setValue(null);
                table.setLazy(wasLazy);
            }
        }
    }

    /** The list's rows as its service counts them: one page read for a lazy table, else the rows it holds. */
    private static long count(DataTable table) {
        if (table.isLazy() && table.getValue() instanceof LazyDataModel<?> model) {
            model.load(0, 1, table.getActiveSortMeta(), table.getActiveFilterMeta());
            return model.getRowCount();
        }
        return table.getRowCount();
    }

    private static void write(FacesContext context, XlsxTableExporter exporter, DataTable table, String fileName) {
        ExternalContext external = context.getExternalContext();
        ExcelOptions options = new ExcelOptions();
        options.setFacetFontStyle("BOLD");
        try {
            ExportConfiguration config = ExportConfiguration.builder()
                    .exportHeader(true)
                    .exportFooter(false)
                    .options(options)
                    .bufferSize(PageRequest.MAX_SIZE)
                    .outputStream(external.getResponseOutputStream())
                    .build();
            external.setResponseContentType(exporter.getContentType());
            ResourceUtils.addNoCacheControl(external);
            external.setResponseHeader("Content-Disposition", ComponentUtils.createContentDisposition("attachment", fileName));
            exporter.export(context, List.of(table), config);
            context.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(FacesContext context, WusheException e) {
        java.util.Locale locale = context.getViewRoot().getLocale();
        if (e instanceof ValidationException v) {
            ValidationException.FieldError first = v.errors().get(0);
            return Messages.text(locale, first.key(), first.args());
        }
        return Messages.text(locale, e.key(), e.args());
    }
}
