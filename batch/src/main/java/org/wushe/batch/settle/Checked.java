package org.wushe.batch.settle;

import jakarta.batch.runtime.context.StepContext;

/**
 * The sources a partition's current chunk has checked, kept in its step context (one per partition
 * thread) from the processor to the writer, which adds them to the progress in the chunk's
 * transaction. A chunk rolled back and read again counts its sources again from 0.
 */
final class Checked {

    private long count;

    static Checked of(StepContext step) {
        if (step.getTransientUserData() instanceof Checked c) {
            return c;
        }
        Checked c = new Checked();
        step.setTransientUserData(c);
        return c;
    }

    void add() {
        count++;
    }

    long take() {
        long n = count;
        count = 0;
        return n;
    }
}
