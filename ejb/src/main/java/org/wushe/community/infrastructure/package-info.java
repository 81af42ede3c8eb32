/** Persistence of the community feature: look-ups shared by the services of several features. */
package org.wushe.community.infrastructure;
