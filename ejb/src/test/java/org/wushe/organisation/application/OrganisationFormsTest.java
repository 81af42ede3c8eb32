package org.wushe.organisation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.organisation.domain.CommunityOrganisation;
import org.wushe.organisation.domain.OrganisationType;
import org.wushe.shared.ValidationException;

class OrganisationFormsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final CommunityOrganisation ORG = new CommunityOrganisation(1L, 2L, "夕阳红", OrganisationType.CHARITY,
            LocalDate.of(2020, 5, 1), 3L, "social1", Instant.EPOCH);

    private static List<String> keys(ValidationException.Collector errors) {
        return errors.errors().stream().map(ValidationException.FieldError::key).toList();
    }

    @Test
    void aDayOfTheOrganisation_isGiven_notInTheFuture_notBeforeItsFounding() {
        ValidationException.Collector errors = new ValidationException.Collector();
        OrganisationForms.day("a", null, ORG, TODAY, errors);
        OrganisationForms.day("b", TODAY.plusDays(1), ORG, TODAY, errors);
        OrganisationForms.day("c", LocalDate.of(2020, 4, 30), ORG, TODAY, errors);
        OrganisationForms.day("d", LocalDate.of(2020, 5, 1), ORG, TODAY, errors);
        OrganisationForms.day("e", TODAY, ORG, TODAY, errors);
        assertEquals(List.of("error.required", "organisation.date.future", "organisation.date.beforeFounding"), keys(errors));
    }

    @Test
    void anAmountInFen_isGiven_fromZeroToABillionYuan() {
        ValidationException.Collector errors = new ValidationException.Collector();
        OrganisationAccess.funding("a", null, errors);
        OrganisationAccess.funding("b", -1L, errors);
        OrganisationAccess.funding("c", 100_000_000_001L, errors);
        OrganisationAccess.funding("d", 0L, errors);
        OrganisationAccess.funding("e", 100_000_000_000L, errors);
        assertEquals(List.of("error.required", "organisation.funding.range", "organisation.funding.range"), keys(errors));
    }

    @Test
    void aChoice_inAnyCase_theFallbackWhenBlank_requiredWithoutOne() {
        ValidationException.Collector errors = new ValidationException.Collector();
        assertEquals(OrganisationType.CHARITY, OrganisationAccess.choice("t", OrganisationType.class, " charity ", null, errors));
        assertEquals(OrganisationType.LIFE_SERVICE,
                OrganisationAccess.choice("t", OrganisationType.class, "", OrganisationType.LIFE_SERVICE, errors));
        assertTrue(errors.errors().isEmpty());
        assertNull(OrganisationAccess.choice("t", OrganisationType.class, " ", null, errors));
        assertNull(OrganisationAccess.choice("t", OrganisationType.class, "NONE", null, errors));
        assertEquals(List.of("error.required", "error.choice"), keys(errors));
    }

    @Test
    void satisfactionInTenths_asText() {
        assertEquals("4.3", OrganisationForms.tenths(43));
        assertEquals("5.0", OrganisationForms.tenths(50));
        assertNull(OrganisationForms.tenths(null));
    }
}
