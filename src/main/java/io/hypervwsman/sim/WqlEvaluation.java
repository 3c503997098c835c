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
        if (query instanceof WqlQuery.Associators a) {
            return host.associators(a);
        }
        WqlQuery.Select select = (WqlQuery.Select) query;
        String className = HyperVHost.knownClass(select.className()).orElseThrow(
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
}
