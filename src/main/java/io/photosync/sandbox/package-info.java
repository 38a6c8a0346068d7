/**
 * The simulated Microsoft 365 tenant: Entra ID's token endpoint, Microsoft Graph (users, photos,
 * {@code $batch}), SharePoint Online ({@code User Photos}, {@code PeopleManager}) and the Bot
 * Connector, served over real HTTP(S) on loopback so that the real clients run end to end.
 *
 * <p>It serves three users: the tests, the benchmarks, and sandbox mode, in which the bot runs with
 * no Microsoft 365 tenant at all (no {@code photosync.entra.tenant-id} configured). It models the
 * documented behaviour, errors included; {@code docs/simulated-tenant.md} maps each behaviour to
 * the Microsoft documentation it follows. Nothing outside this package depends on it.
 */
package io.photosync.sandbox;
