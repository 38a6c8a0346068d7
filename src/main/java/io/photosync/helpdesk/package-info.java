/**
 * Who may act on colleagues: {@link io.photosync.helpdesk.Operators} knows an operator from their
 * Teams SSO sign-in (the app role, or membership of an operator group) and the people in their
 * scope. The helpdesk's commands themselves are read and answered by bot/Helpdesk.
 */
package io.photosync.helpdesk;
