package io.photosync.sandbox;

/** What the simulated SharePoint charged in resource units, and how many calls it refused for the budget. */
public record SharePointMetering(long unitsCharged, long refusals) {
}
