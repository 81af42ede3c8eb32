package org.wushe.organisation.domain;

/** What a community organisation does: 公益慈善, 生活服务, 文体娱乐, 专业调处, 其他. */
public enum OrganisationType {
    CHARITY,
    LIFE_SERVICE,
    CULTURE_SPORTS,
    MEDIATION,
    OTHER
}
