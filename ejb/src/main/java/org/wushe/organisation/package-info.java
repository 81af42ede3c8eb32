/**
 * Community organisations (社区社会组织) of the incubation zone: their register, members, activities,
 * funding, recognition, the maturity tier computed from data and the support checklist per tier.
 * Depends on the community feature (communities, residents, the circle's actors), security and audit.
 */
package org.wushe.organisation;
