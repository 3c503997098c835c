package io.hypervwsman;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of STYLE.md, checked on the main classes in every build: arrows point down only
 * (cli -> hyperv -> wsman -> transport), the simulated host shares protocol pieces but never the client, nothing in main
 * uses the test extensions, and no two packages depend on each other.
 */
@AnalyzeClasses(packages = "io.hypervwsman", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule layers_point_down_only = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("io.hypervwsman.cli..")
            .layer("hyperv").definedBy("io.hypervwsman.hyperv..")
            .layer("wsman").definedBy("io.hypervwsman.wsman..")
            .layer("transport").definedBy("io.hypervwsman.transport..")
            .layer("sim").definedBy("io.hypervwsman.sim..")
            .layer("testing").definedBy("io.hypervwsman.testing..")
            .layer("plan").definedBy("io.hypervwsman.plan..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            // testing sits on top like cli: its extensions hand a test a connected HyperVHost.
            .whereLayer("hyperv").mayOnlyBeAccessedByLayers("cli", "testing")
            .whereLayer("wsman").mayOnlyBeAccessedByLayers("cli", "hyperv")
            .whereLayer("transport").mayOnlyBeAccessedByLayers("cli", "hyperv", "wsman", "sim", "testing")
            .whereLayer("sim").mayOnlyBeAccessedByLayers("cli", "testing")
            .whereLayer("testing").mayNotBeAccessedByAnyLayer()
            // Recovery plans sit above the operations: only the CLI drives them.
            .whereLayer("plan").mayOnlyBeAccessedByLayers("cli")
            // Generated from wsdl/: the port's @XmlSeeAlso names the Hyper-V schemas' ObjectFactory classes so JAXB knows them.
            .ignoreDependency(resideInAPackage("io.hypervwsman.wsman.xml.port"), resideInAPackage("io.hypervwsman.hyperv.xml.."));

    /** The client side of the protocol: what the simulated host must never borrow (it answers, it does not call). */
    private static final DescribedPredicate<JavaClass> CLIENT = describe("client classes",
            c -> c.getPackageName().startsWith("io.hypervwsman.cli")
                    || c.getPackageName().startsWith("io.hypervwsman.hyperv")
                    || c.getPackageName().startsWith("io.hypervwsman.wsman")
                    || c.getPackageName().equals("io.hypervwsman.transport")
                    || c.getPackageName().startsWith("io.hypervwsman.transport.recording")
                    || c.getSimpleName().endsWith("ClientContext")
                    || c.getSimpleName().endsWith("NegotiateContext")
                    || c.getSimpleName().equals("KerberosLogin"));

    @ArchTest
    static final ArchRule sim_never_uses_the_client = noClasses().that().resideInAPackage("io.hypervwsman.sim..")
            .should().dependOnClassesThat(CLIENT);

    @ArchTest
    static final ArchRule main_never_uses_testing = noClasses().that().resideOutsideOfPackage("io.hypervwsman.testing..")
            .should().dependOnClassesThat().resideInAPackage("io.hypervwsman.testing..");

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching("io.hypervwsman.(**)").should().beFreeOfCycles();
}
