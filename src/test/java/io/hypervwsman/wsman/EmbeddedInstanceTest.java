package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Embedded instances (CIM-XML INSTANCE text in string parameters): the DSP0201 shape, both ways. */
class EmbeddedInstanceTest {

    @Test
    void writesTheDsp0201Shape() {
        String text = EmbeddedInstance.of("Msvm_ReplicationSettingData")
                .set("RecoveryConnectionPoint", CimType.STRING, "hv02 <dr> & \"co\"")
                .set("RecoveryServerPortNumber", CimType.UINT16, 443)
                .set("CompressionEnabled", CimType.BOOLEAN, true)
                .set("CertificateThumbPrint", CimType.STRING, null)
                .setArray("IncludedDisks", CimType.STRING, List.of("C:\\a.vhdx", "D:\\b.vhdx"))
                .toCimXml();
        assertEquals("<INSTANCE CLASSNAME=\"Msvm_ReplicationSettingData\">"
                + "<PROPERTY NAME=\"RecoveryConnectionPoint\" TYPE=\"string\"><VALUE>hv02 &lt;dr&gt; &amp; &quot;co&quot;"
                + "</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"RecoveryServerPortNumber\" TYPE=\"uint16\"><VALUE>443</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"CompressionEnabled\" TYPE=\"boolean\"><VALUE>true</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"CertificateThumbPrint\" TYPE=\"string\"></PROPERTY>"
                + "<PROPERTY.ARRAY NAME=\"IncludedDisks\" TYPE=\"string\"><VALUE.ARRAY><VALUE>C:\\a.vhdx</VALUE>"
                + "<VALUE>D:\\b.vhdx</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>"
                + "</INSTANCE>", text);
    }

    @Test
    void datetimesAndIntervalsUseTheDmtfForms() {
        // The MOF defaults of Msvm_ReplicationSettingData: AutoResynchronizeIntervalStart = 00000000183000.000000:000,
        // AutoResynchronizeIntervalEnd = 00000000060000.000000:000.
        assertEquals("00000000183000.000000:000", EmbeddedInstance.dmtfInterval(Duration.ofHours(18).plusMinutes(30)));
        assertEquals("00000000060000.000000:000", EmbeddedInstance.dmtfInterval(Duration.ofHours(6)));
        assertEquals("00000012010203.000450:000",
                EmbeddedInstance.dmtfInterval(Duration.parse("P12DT1H2M3.00045S")));
        assertEquals("20261123095500.117204+000",
                EmbeddedInstance.dmtfDatetime(Instant.parse("2026-11-23T09:55:00.117204Z")));
        // and they read back as the same values
        assertEquals(Duration.ofHours(18).plusMinutes(30), CimDatetime.interval("00000000183000.000000:000"));
        assertEquals(Instant.parse("2026-11-23T09:55:00.117204Z"), CimDatetime.instant("20261123095500.117204+000"));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedInstance.dmtfInterval(Duration.ofSeconds(-1)));
    }

    @Test
    void valuesMustFitTheirDeclaredType() {
        EmbeddedInstance e = EmbeddedInstance.of("X");
        assertThrows(IllegalArgumentException.class, () -> e.set("Port", CimType.UINT16, "443"));
        assertThrows(IllegalArgumentException.class, () -> e.set("Port", CimType.UINT16, -1));
        assertThrows(IllegalArgumentException.class, () -> e.set("Flag", CimType.BOOLEAN, "true"));
        assertThrows(IllegalArgumentException.class, () -> e.set("When", CimType.DATETIME, "yesterday"));
        assertThrows(IllegalArgumentException.class, () -> e.set("bad name", CimType.STRING, "x"));
        assertThrows(IllegalArgumentException.class, () -> e.set("Text", CimType.STRING, "bell\u0007"));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedInstance.of("Msvm_X\"><INSTANCE"));
        assertEquals("<INSTANCE CLASSNAME=\"X\"></INSTANCE>", e.toCimXml(), "refused values leave nothing behind");
    }

    @Test
    void readsAnMsvmErrorAsWmiWritesIt() {
        // The shape Microsoft's sample parses from GetErrorEx's Errors[]: QUALIFIERs, CLASSORIGIN and PROPAGATED
        // attributes, escaped text.
        String text = "<INSTANCE CLASSNAME=\"Msvm_Error\"><QUALIFIER NAME=\"dynamic\" TYPE=\"boolean\"><VALUE>TRUE"
                + "</VALUE></QUALIFIER><PROPERTY NAME=\"ErrorSource\" CLASSORIGIN=\"CIM_Error\" TYPE=\"string\"><VALUE>"
                + "Msvm_ComputerSystem.CreationClassName=&quot;Msvm_ComputerSystem&quot;</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"Message\" CLASSORIGIN=\"CIM_Error\" TYPE=\"string\"><VALUE>'web01' failed: A &lt;b&gt;"
                + " &amp; c</VALUE></PROPERTY><PROPERTY NAME=\"PerceivedSeverity\" CLASSORIGIN=\"CIM_Error\""
                + " TYPE=\"uint16\"><VALUE>3</VALUE></PROPERTY><PROPERTY.ARRAY NAME=\"MessageArguments\""
                + " CLASSORIGIN=\"CIM_Error\" TYPE=\"string\"><VALUE.ARRAY><VALUE>web01</VALUE><VALUE>x</VALUE>"
                + "</VALUE.ARRAY></PROPERTY.ARRAY><PROPERTY NAME=\"OwningEntity\" TYPE=\"string\"></PROPERTY></INSTANCE>";
        EmbeddedInstance e = EmbeddedInstance.parse(text);
        assertEquals("Msvm_Error", e.className());
        assertEquals(Optional.of("'web01' failed: A <b> & c"), e.value("Message"));
        assertEquals(Optional.of("Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\""),
                e.value("ErrorSource"));
        assertEquals(CimType.UINT16, e.properties().get("PerceivedSeverity").type());
        assertEquals(List.of("web01", "x"), e.properties().get("MessageArguments").values());
        assertEquals(Optional.empty(), e.value("OwningEntity"));
    }

    @Test
    void roundTrips() {
        EmbeddedInstance original = EmbeddedInstance.of("Msvm_ReplicationSettingData")
                .set("CreationTime", CimType.DATETIME, Instant.parse("2026-03-14T09:26:41.512345Z"))
                .set("AutoResynchronizeIntervalStart", CimType.DATETIME, Duration.ofHours(18).plusMinutes(30))
                .set("RecoveryHistory", CimType.UINT16, 24)
                .setArray("Notes", CimType.STRING, List.of("line one", "ümlaut & <tag>"));
        EmbeddedInstance read = EmbeddedInstance.parse(original.toCimXml());
        assertEquals(original.properties(), read.properties());
        assertEquals(original.toCimXml(), read.toCimXml());
    }

    @Test
    void refusesWhatIsNotAnInstanceOrCarriesADoctype() {
        assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse("<CLASS NAME=\"X\"/>"));
        assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse("not xml"));
        assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse("<!DOCTYPE x [<!ENTITY e SYSTEM"
                + " \"file:///etc/passwd\">]><INSTANCE CLASSNAME=\"X\"><PROPERTY NAME=\"a\" TYPE=\"string\"><VALUE>&e;"
                + "</VALUE></PROPERTY></INSTANCE>"));
        assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse("<INSTANCE CLASSNAME=\"X\">"
                + "<PROPERTY.REFERENCE NAME=\"r\"/></INSTANCE>"));
        assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse("<INSTANCE CLASSNAME=\"X\">"
                + "<PROPERTY NAME=\"a\" TYPE=\"float128\"/></INSTANCE>"));
        String huge = "<INSTANCE CLASSNAME=\"X\">" + "x".repeat(EmbeddedInstance.MAX_TEXT) + "</INSTANCE>";
        ProtocolException e = assertThrows(ProtocolException.class, () -> EmbeddedInstance.parse(huge));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }
}
