package org.wushe.web.docking;

import java.time.Year;
import org.wushe.web.support.CommunityPage;

/**
 * What the docking pages of one community share: the community (see {@link CommunityPage}) and the
 * year they show ({@code ?year=2026}, this year by default).
 */
public abstract class DockingPage extends CommunityPage {

    private static final long serialVersionUID = 1L;

    protected Integer year = Year.now().getValue();

    /** Settles the year, then the community, then loads the page. */
    @Override
    public void load() {
        if (year == null) {
            year = Year.now().getValue();
        }
        super.load();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }
}
