package io.hypervwsman.wsman;

import java.util.Objects;

/**
 * A filter in the WS-Management CIM binding's association dialect (DSP0227, {@value WsManNamespace#ASSOCIATION_DIALECT}),
 * which WinRM 2.0 and later accept over a namespace's {@code .../*} resource URI: the instances associated with one
 * object ({@code b:AssociatedInstances}, what WQL's ASSOCIATORS OF returns) or the association instances that refer
 * to it ({@code b:AssociationInstances}, REFERENCES OF). Null members are left out of the filter.
 *
 * @param associationInstances true for the association instances (REFERENCES OF), false for the associated ones
 * @param object               the source instance
 * @param associationClass     AssociationClassName (only for associated instances)
 * @param role                 the association's reference to the source
 * @param resultClass          ResultClassName: of the associated instances, or of the associations
 * @param resultRole           the association's reference to the result (only for associated instances)
 */
public record AssociationFilter(boolean associationInstances, EndpointReference object, String associationClass,
                                String role, String resultClass, String resultRole) {

    public AssociationFilter {
        Objects.requireNonNull(object, "object");
        if (associationInstances && (associationClass != null || resultRole != null)) {
            throw new IllegalArgumentException("AssociationInstances take no AssociationClassName or ResultRole");
        }
    }

    /** The instances associated with {@code object} (ASSOCIATORS OF). */
    public static AssociationFilter associatedInstances(EndpointReference object, String associationClass,
                                                        String role, String resultClass, String resultRole) {
        return new AssociationFilter(false, object, associationClass, role, resultClass, resultRole);
    }

    /** The association instances referring to {@code object} (REFERENCES OF). */
    public static AssociationFilter associationInstances(EndpointReference object, String role, String resultClass) {
        return new AssociationFilter(true, object, null, role, resultClass, null);
    }
}
