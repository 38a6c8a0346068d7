package io.photosync.helpdesk;

import io.photosync.identity.SignedInPerson;
import io.photosync.identity.SsoExchange;
import io.photosync.scan.ScanScope;
import io.photosync.sync.GroupDirectory;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who is a helpdesk operator: someone signed in through Teams SSO (the identity comes from their
 * validated token, never from what they typed) who holds the operator app role or belongs,
 * through nested groups too, to a configured operator group; and on whom they may act.
 */
public final class Operators implements ScanScope {

    private final SsoExchange sso;
    private final GroupDirectory groups;
    private final HelpdeskProperties properties;

    public Operators(SsoExchange sso, GroupDirectory groups, HelpdeskProperties properties) {
        this.sso = sso;
        this.groups = groups;
        this.properties = properties;
    }

    /** The operator, when this signed-in person is one. */
    public Optional<SignedInPerson> operator(String objectId) {
        if (objectId == null) {
            return Optional.empty();
        }
        return sso.person(objectId).filter(person -> person.roles().contains(properties.operatorRole())
                || (!properties.operatorGroups().isEmpty() && !groups.memberOf(objectId, properties.operatorGroups()).isEmpty()));
    }

    /**
     * Whether someone signed in on a PhotoSync page (not through Teams) is an operator: the app
     * role in their ID token, or membership of an operator group.
     */
    public boolean operator(String objectId, Collection<String> roles) {
        return roles.contains(properties.operatorRole())
                || (!properties.operatorGroups().isEmpty() && !groups.memberOf(objectId, properties.operatorGroups()).isEmpty());
    }

    /**
     * The scope as a test over many people at once: everyone, or the members of the scope groups
     * listed once each (one paged Graph call per scope group, not one call per person).
     */
    @Override
    public Predicate<String> forMany() {
        if (properties.scopeGroups().isEmpty()) {
            return subjectId -> true;
        }
        Set<String> members = new HashSet<>();
        properties.scopeGroups().forEach(group -> groups.transitiveMembers(group).forEach(member -> members.add(member.objectId().toLowerCase())));
        return subjectId -> members.contains(subjectId.toLowerCase());
    }

    /** Whether operators may act on this person: always, unless scope groups are configured. */
    public boolean inScope(String subjectId) {
        return properties.scopeGroups().isEmpty() || !groups.memberOf(subjectId, properties.scopeGroups()).isEmpty();
    }
}
