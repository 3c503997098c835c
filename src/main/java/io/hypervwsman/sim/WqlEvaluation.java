package io.hypervwsman.sim;

import java.util.List;
import java.util.Optional;

/** Runs a WQL query against the host the way WMI would, or fails with n:CannotProcessFilter (as Windows does). */
final class WqlEvaluation {
    private WqlEvaluation() {
    }

    /**
     * @param resourceClass the class of the resource URI when it is not the namespace wildcard; the query must
     *                      then be about that class
     */
    static List<InstanceSnapshot> run(HyperVHost host, String text, Optional<String> resourceClass) {
        WqlQuery query;
        try {
            query = WqlQuery.parse(text);
        } catch (WqlQuery.InvalidQueryException e) {
            throw WsManFaults.cannotProcessFilter(e.getMessage());
        }
        if (!(query instanceof WqlQuery.Select)) {
            return run(host, query);
        }
        WqlQuery.Select select = (WqlQuery.Select) query;
        String className = HyperVHost.knownClass(select.className())
                .or(() -> Associations.knownAssociation(select.className())).orElseThrow(
                () -> WsManFaults.cannotProcessFilter("Invalid class " + select.className()));
        if (resourceClass.isPresent() && !resourceClass.get().equalsIgnoreCase(className)) {
            throw WsManFaults.cannotProcessFilter("the query is about " + className + ", not " + resourceClass.get());
        }
        List<InstanceSnapshot> all = host.instances(className);
        if (!all.isEmpty()) {
            java.util.stream.Stream.concat(select.where().stream().map(WqlQuery.Condition::property),
                    select.properties().stream())
                    .filter(p -> all.stream().noneMatch(i -> i.hasProperty(p))).findFirst().ifPresent(p -> {
                        throw WsManFaults.cannotProcessFilter("Invalid query: " + className + " has no property " + p);
                    });
        }
        List<InstanceSnapshot> matching = all.stream().filter(select::matches).toList();
        return select.properties().isEmpty() ? matching
                : matching.stream().map(i -> i.project(select.properties())).toList();
    }

    /** An ASSOCIATORS OF or REFERENCES OF traversal, from WQL or from the association filter dialect. */
    static List<InstanceSnapshot> run(HyperVHost host, WqlQuery traversal) {
        if (traversal instanceof WqlQuery.Associators a) {
            return host.associators(a);
        }
        if (traversal instanceof WqlQuery.References r) {
            return host.references(r);
        }
        throw new IllegalArgumentException("not a traversal: " + traversal);
    }
}
