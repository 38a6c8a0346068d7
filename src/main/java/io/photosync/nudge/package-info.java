/**
 * Proactive nudges: a card to each person whose photo needs a sync, delivered durably one by one,
 * paced to Teams' limits (a rate all replicas share), paused for the whole tenant when Teams keeps
 * refusing, each delivery with its status and its tap. {@link io.photosync.nudge.Nudges} is the
 * entry; sending is behind {@link io.photosync.nudge.ProactiveChannel}, which bot/ implements.
 */
package io.photosync.nudge;
