package org.wushe.web.support;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.ActionListener;
import org.primefaces.component.datatable.DataTable;

/**
 * A search or filter button's listener: every table of the button's form goes back to its first
 * page, so that new criteria are shown from their first row. Without it a table paged to row 980
 * loaded the new, shorter result from row 980 and showed no row under a count of 200.
 *
 * <p>Usage: {@code <p:commandButton id="search" ...><f:actionListener type="org.wushe.web.support.FirstPage"/></p:commandButton>},
 * or {@link #inFormOf} from an ajax listener of a filter.
 */
public class FirstPage implements ActionListener {

    @Override
    public void processAction(ActionEvent event) throws AbortProcessingException {
        inFormOf(event.getComponent());
    }

    /** Every table of the component's form back to its first page (for a filter changed by ajax). */
    public static void inFormOf(UIComponent component) {
        UIComponent form = component;
        while (form != null && !(form instanceof UIForm)) {
            form = form.getParent();
        }
        if (form == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        form.visitTree(VisitContext.createVisitContext(context), (visit, target) -> {
            if (target instanceof DataTable table) {
                table.setFirst(0);
            }
            return VisitResult.ACCEPT;
        });
    }
}
