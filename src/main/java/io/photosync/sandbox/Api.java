package io.photosync.sandbox;

/** The APIs a token can be issued for; SHAREPOINT names the metering shared by both SharePoint hosts. */
public enum Api { GRAPH, SHAREPOINT, SHAREPOINT_MY, SHAREPOINT_ADMIN, BOT_CONNECTOR }
