package org.wushe.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A course of a community's training station: for whom, the capacity level it needs, the mark that
 * passes, the certification a pass issues (with its validity), and the kind of volunteer service that
 * counts as practising it.
 */
@Entity
@Table(name = "course")
public class Course {

    @Id
    @SequenceGenerator(name = "course_seq", sequenceName = "course_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(length = 2000)
    private String syllabus;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_group", nullable = false, length = 20)
    private TargetGroup targetGroup;

    @Column(name = "required_level", nullable = false)
    private int requiredLevel;

    @Column(name = "pass_mark", nullable = false)
    private int passMark;

    @Column(name = "certification_code", length = 40)
    private String certificationCode;

    @Column(name = "certification_name", length = 100)
    private String certificationName;

    @Column(name = "validity_months", nullable = false)
    private int validityMonths;

    @Column(name = "practice_kind", length = 40)
    private String practiceKind;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, length = 50)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Course() {
    }

    public Course(Long communityId, String title, String syllabus, TargetGroup targetGroup, int requiredLevel,
                  int passMark, String certificationCode, String certificationName, int validityMonths,
                  String practiceKind, String createdBy, Instant createdAt) {
        this.communityId = communityId;
        this.title = title;
        this.syllabus = syllabus;
        this.targetGroup = targetGroup;
        this.requiredLevel = requiredLevel;
        this.passMark = passMark;
        this.certificationCode = certificationCode;
        this.certificationName = certificationName;
        this.validityMonths = validityMonths;
        this.practiceKind = practiceKind;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean passes(int score) {
        return score >= passMark;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public String getTitle() { return title; }
    public String getSyllabus() { return syllabus; }
    public TargetGroup getTargetGroup() { return targetGroup; }
    public int getRequiredLevel() { return requiredLevel; }
    public int getPassMark() { return passMark; }
    public String getCertificationCode() { return certificationCode; }
    public String getCertificationName() { return certificationName; }
    public int getValidityMonths() { return validityMonths; }
    public String getPracticeKind() { return practiceKind; }
    public boolean isActive() { return active; }
}
