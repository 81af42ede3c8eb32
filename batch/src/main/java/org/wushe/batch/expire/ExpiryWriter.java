package org.wushe.batch.expire;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.wushe.points.application.PointsExpiry;

/** Writes a chunk's expiries and their transactions in the chunk's transaction. */
@Named
@Dependent
public class ExpiryWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String asOf;

    @EJB
    PointsExpiry expiry;

    @Override
    public void writeItems(List<Object> items) {
        List<PointsExpiry.Due> dues = new ArrayList<>(items.size());
        for (Object o : items) {
            dues.add((PointsExpiry.Due) o);
        }
        expiry.expire(dues, expiry.asOf(asOf));
    }
}
