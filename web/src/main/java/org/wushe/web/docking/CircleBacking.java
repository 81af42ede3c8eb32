package org.wushe.web.docking;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.wushe.community.domain.Actor;
import org.wushe.community.domain.ActorType;
import org.wushe.docking.application.CircleService;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;

/**
 * The concentric circle (同心圆) of a community: the Party organisation at the centre, social work
 * next, the other actors outside, each with what they took part in during the year; the Party
 * organisation adds actors.
 */
@Named
@ViewScoped
public class CircleBacking extends DockingPage {

    private static final long serialVersionUID = 1L;

    @EJB
    CircleService circles;

    private CircleService.Circle circle;

    private String name;
    private String type;
    private String contactName;

    @Override
    protected void refresh() {
        Actions.run("actor", () -> {
            circle = circles.circle(community, year);
        });
    }

    public void addActor() {
        Actions.run("actor", () -> {
            Actor a = circles.addActor(community, name, type, contactName);
            FacesErrors.info("docking.circle.added", a.getName());
            name = null;
            contactName = null;
            refresh();
        });
    }

    /** The members of a ring (0 the centre), or none before the circle is read. */
    public List<CircleService.Member> members(int ring) {
        return circle == null ? List.of() : circle.rings().stream().filter(r -> r.ring() == ring).findFirst()
                .map(CircleService.Ring::members).orElse(List.of());
    }

    public List<String> getTypes() {
        return Arrays.stream(ActorType.values()).map(Enum::name).toList();
    }

    public CircleService.Circle getCircle() { return circle; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getType() { return type; }
    public void setType(String v) { type = v; }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
}
