/**
 * Social worker + grid worker (docs/architecture.md, "Social worker + grid worker"): grid workers'
 * patrols, grid records and referrals; social workers' cases with restricted records; stubborn
 * cases taken to joint meetings convened by the Party secretary; the two coordination indices.
 * Depends on community (residents, grid cells), security (callers, accounts), audit and training
 * (trainings attended); nothing depends on it.
 */
package org.wushe.casework;
