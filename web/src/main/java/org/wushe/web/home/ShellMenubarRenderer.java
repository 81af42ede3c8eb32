package org.wushe.web.home;

import java.util.regex.Pattern;
import org.primefaces.component.menubar.MenubarRenderer;
import org.primefaces.model.menu.MenuElement;

/**
 * The menu bar as PrimeFaces renders it, with the element id of each item the application named
 * ({@code nav-needs}, see {@link ShellMenu}): PrimeFaces writes ids only for items declared in a
 * page, not for those of a menu model, and the tests and help texts find the menu's links by them.
 * Ids PrimeFaces generates itself (they hold a {@code |}) stay unwritten, as before.
 */
public class ShellMenubarRenderer extends MenubarRenderer {

    private static final Pattern NAMED = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    @Override
    protected boolean shouldRenderId(MenuElement element) {
        String id = element.getId();
        return super.shouldRenderId(element) || (id != null && NAMED.matcher(id).matches());
    }
}
