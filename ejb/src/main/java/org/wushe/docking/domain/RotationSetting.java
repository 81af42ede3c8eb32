package org.wushe.docking.domain;

import jakarta.persistence.*;

/**
 * A community's rotation rule: whoever took part in at least {@code threshold} of the community's
 * last {@code windowSize} activities ranks after those who took part less. Default 3 of the last 10.
 */
@Entity
@Table(name = "rotation_setting")
public class RotationSetting {

    public static final int DEFAULT_WINDOW = 10;
    public static final int DEFAULT_THRESHOLD = 3;

    @Id
    @Column(name = "community_id")
    private Long communityId;

    @Column(name = "window_size", nullable = false)
    private int windowSize;

    @Column(nullable = false)
    private int threshold;

    @Version
    private int version;

    protected RotationSetting() {
    }

    public RotationSetting(Long communityId, int windowSize, int threshold) {
        this.communityId = communityId;
        set(windowSize, threshold);
    }

    public void set(int windowSize, int threshold) {
        this.windowSize = windowSize;
        this.threshold = threshold;
    }

    public Long getCommunityId() { return communityId; }
    public int getWindowSize() { return windowSize; }
    public int getThreshold() { return threshold; }
}
