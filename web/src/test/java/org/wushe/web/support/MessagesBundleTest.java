package org.wushe.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese first, English second: both bundles carry the same keys, and every refusal's key is in them. */
class MessagesBundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/org/wushe/web/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyAuditActionAndRole_hasALabel() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Set<String> missing = new TreeSet<>();
        for (org.wushe.audit.domain.AuditAction a : org.wushe.audit.domain.AuditAction.values()) {
            if (zh.getProperty("audit.action." + a.name()) == null) {
                missing.add("audit.action." + a.name());
            }
        }
        for (org.wushe.security.domain.Role r : org.wushe.security.domain.Role.values()) {
            if (zh.getProperty("role." + r.name()) == null) {
                missing.add("role." + r.name());
            }
        }
        assertEquals(Set.of(), missing, "labels the audit log's filter and the account screens show");
    }

    @Test
    void chineseAndEnglish_haveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> fallback = new TreeSet<>(load("messages.properties").stringPropertyNames());
        assertEquals(zh, en);
        assertEquals(zh, fallback);
    }

    @Test
    void everyMessageKeyOfTheServices_hasATextInBothLanguages() throws IOException {
        Pattern key = Pattern.compile("\"((?:error|resident|geo|account|reveal|position|shift|certification|signup|hours"
                + "|points|reward|redemption|party|whistle|need|resource|action|match|opportunity|rotation|activity|service|inspection|category|training|ladder|certification|deliberation|veto|vote|review|import"
                + "|casework|patrol|referral|case|meeting|index|fund|project|organisation|reports)\\.[A-Za-z.]*[A-Za-z])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "ejb", "src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 50, "found the keys: " + used.size());
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (String k : used) {
            if (!zh.containsKey(k) || !en.containsKey(k)) {
                missing.add(k);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyKindOfRecordAndEveryStatusNamedInARefusal_hasALabel() throws IOException {
        Pattern notFound = Pattern.compile("new NotFoundException\\(\"([A-Za-z]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "ejb", "src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = notFound.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add("record." + m.group(1));
                }
            }
        }
        assertTrue(keys.size() > 10, "found the kinds of record: " + keys);
        Stream.of(org.wushe.docking.domain.NeedStatus.values()).forEach(s -> keys.add("docking.needStatus." + s));
        Stream.of(org.wushe.docking.domain.ActionStatus.values()).forEach(s -> keys.add("docking.actionStatus." + s));
        Stream.of(org.wushe.docking.domain.ApplicationStatus.values())
                .forEach(s -> keys.add("docking.applicationStatus." + s));
        Stream.of(org.wushe.community.domain.ActorType.values()).forEach(s -> keys.add("docking.actorType." + s));
        Stream.of(org.wushe.training.domain.TargetGroup.values()).forEach(s -> keys.add("training.group." + s));
        Stream.of(org.wushe.docking.domain.IssueNature.values()).forEach(s -> keys.add("deliberation.nature." + s));
        Stream.of(org.wushe.deliberation.domain.IssueStage.values()).forEach(s -> keys.add("deliberation.stage." + s));
        Stream.of(org.wushe.deliberation.domain.ProposalStatus.values())
                .forEach(s -> keys.add("deliberation.proposalStatus." + s));
        Stream.of(org.wushe.deliberation.domain.VoteStatus.values()).forEach(s -> keys.add("deliberation.voteStatus." + s));
        Stream.of(org.wushe.deliberation.domain.VetoGround.values()).forEach(s -> keys.add("veto.ground." + s));
        Stream.of(org.wushe.casework.domain.ReferralStatus.values()).forEach(s -> keys.add("referral.status." + s));
        Stream.of(org.wushe.casework.domain.CaseStage.values()).forEach(s -> keys.add("case.stage." + s));
        Stream.of(org.wushe.casework.domain.MeetingStatus.values()).forEach(s -> keys.add("meeting.status." + s));
        Stream.of(org.wushe.organisation.domain.OrganisationType.values())
                .forEach(s -> keys.add("organisation.type." + s));
        Stream.of(org.wushe.organisation.domain.MaturityTier.values()).forEach(s -> keys.add("organisation.tier." + s));
        Stream.of(org.wushe.organisation.domain.SupportKind.values()).forEach(s -> keys.add("organisation.kind." + s));
        Stream.of(org.wushe.organisation.domain.Criterion.values()).forEach(s -> keys.add("organisation.short." + s));
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Set<String> missing = new TreeSet<>();
        for (String k : keys) {
            if (!zh.containsKey(k) || !en.containsKey(k)) {
                missing.add(k);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void aLabelArgument_isShownInTheReadersLanguage() {
        assertEquals("需求当前为“已登记”，不能转为“已办结”。", Messages.text(Messages.DEFAULT, "need.transition",
                new org.wushe.shared.Label("docking.needStatus.REGISTERED"),
                new org.wushe.shared.Label("docking.needStatus.CLOSED")));
        assertEquals("No need 42.", Messages.text(java.util.Locale.ENGLISH, "error.notFound",
                new org.wushe.shared.Label("record.need"), "42"));
    }
}
