package org.wushe.fund.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded file kept in the database: a progress photo or an expenditure's receipt. The content
 * type is the sniffed one ({@link FileType}), never what the client claimed.
 */
@Entity
@Table(name = "fund_file")
public class FundFile {

    @Id
    @SequenceGenerator(name = "fund_file_seq", sequenceName = "fund_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fund_file_seq")
    private Long id;

    @Column(name = "community_id", nullable = false)
    private Long communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private FilePurpose purpose;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "content_type", nullable = false, length = 30)
    private String contentType;

    @Column(name = "file_name", length = 200)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 50)
    private String uploadedBy;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected FundFile() {
    }

    public FundFile(Long communityId, FilePurpose purpose, Long ownerId, FileType type, String fileName, byte[] content,
                    Instant uploadedAt, String uploadedBy) {
        this.communityId = communityId;
        this.purpose = purpose;
        this.ownerId = ownerId;
        this.contentType = type.contentType();
        this.fileName = fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        this.content = content;
        this.sizeBytes = content.length;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public void attachTo(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public FilePurpose getPurpose() { return purpose; }
    public Long getOwnerId() { return ownerId; }
    public String getContentType() { return contentType; }
    public String getFileName() { return fileName; }
    public int getSizeBytes() { return sizeBytes; }
    public byte[] getContent() { return content; }
}
