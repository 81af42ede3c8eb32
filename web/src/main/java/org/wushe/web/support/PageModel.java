package org.wushe.web.support;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;

/**
 * A PrimeFaces lazy table fed by a service's paged list: each page the table shows is one service
 * call, so a table over millions of rows reads only the rows on screen. A refusal of the service is
 * shown as a page message and the table stays empty.
 *
 * <p>Usage: {@code model = new PageModel<>(r -> service.list(filter, r), ResidentView::id, "residents");}
 */
public class PageModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of rows for a request; serializable so view-scoped beans can hold it. */
    @FunctionalInterface
    public interface Loader<T> extends Serializable {
        Page<T> load(PageRequest request);
    }

    /** The key of a row; serializable for the same reason. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Loader<T> loader;
    private final Key<T> key;
    private final String formId;
    private Page<T> last;

    public PageModel(Loader<T> loader, Key<T> key, String formId) {
        this.loader = loader;
        this.key = key;
        this.formId = formId;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return last == null ? 0 : (int) Math.min(Integer.MAX_VALUE, last.total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (!Actions.run(formId, () -> {
            last = loader.load(PageRequest.of(first, Math.min(pageSize, PageRequest.MAX_SIZE)));
        })) {
            last = new Page<>(List.of(), 0, first, pageSize);
        }
        setRowCount((int) Math.min(Integer.MAX_VALUE, last.total()));
        return last.items();
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        if (last == null) {
            return null;
        }
        return last.items().stream().filter(r -> String.valueOf(key.of(r)).equals(rowKey)).findFirst().orElse(null);
    }
}
