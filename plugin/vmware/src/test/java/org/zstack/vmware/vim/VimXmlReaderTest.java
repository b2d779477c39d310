package org.zstack.vmware.vim;

import com.vmware.vim25.*;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;

import static org.junit.jupiter.api.Assertions.*;

/** The lenient reader on answers shaped as a newer vCenter (and the simulator) sends them. */
class VimXmlReaderTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<soapenv:Body>";
    private static final String TAIL = "</soapenv:Body></soapenv:Envelope>";

    private static Object read(String returnType, String body) throws Exception {
        return VimXmlReader.read(returnType, new ByteArrayInputStream((HEAD + body + TAIL).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownFieldsOfANewerVCenterAreSkipped() throws Exception {
        ServiceContent sc = (ServiceContent) read("ServiceContent", "<RetrieveServiceContentResponse xmlns=\"urn:vim25\"><returnval>"
                + "<rootFolder type=\"Folder\">group-d1</rootFolder>"
                + "<propertyCollector type=\"PropertyCollector\">propertyCollector</propertyCollector>"
                + "<about><name>VMware vCenter Server</name><apiType>VirtualCenter</apiType><apiVersion>6.5</apiVersion>"
                + "<somethingNew><deep>x</deep></somethingNew></about>"
                + "<datastoreNamespaceManager type=\"DatastoreNamespaceManager\">DatastoreNamespaceManager</datastoreNamespaceManager>"
                + "<vStorageObjectManager type=\"VcenterVStorageObjectManager\">VStorageObjectManager</vStorageObjectManager>"
                + "</returnval></RetrieveServiceContentResponse>");
        assertEquals("group-d1", sc.getRootFolder().getVal());
        assertEquals("Folder", sc.getRootFolder().getType());
        assertEquals("VirtualCenter", sc.getAbout().getApiType());
        assertEquals("6.5", sc.getAbout().getApiVersion());
    }

    @Test
    void aReferenceTypeIsThePlainAttributeWhateverStandsBeforeIt() throws Exception {
        ObjectContent[] oc = (ObjectContent[]) read("ObjectContent[]", "<RetrievePropertiesResponse xmlns=\"urn:vim25\">"
                + "<returnval><obj xsi:type=\"ManagedObjectReference\" type=\"VirtualMachine\">vm-42</obj>"
                + "<propSet><name>runtime.host</name><val xsi:type=\"ManagedObjectReference\" type=\"HostSystem\">host-7</val></propSet>"
                + "<propSet><name>network</name><val xsi:type=\"ArrayOfManagedObjectReference\">"
                + "<ManagedObjectReference xsi:type=\"ManagedObjectReference\" type=\"Network\">network-1</ManagedObjectReference>"
                + "<ManagedObjectReference type=\"DistributedVirtualPortgroup\">dvportgroup-2</ManagedObjectReference></val></propSet>"
                + "</returnval></RetrievePropertiesResponse>");
        assertEquals(1, oc.length);
        assertEquals("VirtualMachine", oc[0].getObj().getType());
        assertEquals("vm-42", oc[0].getObj().getVal());
        ManagedObjectReference host = (ManagedObjectReference) oc[0].getPropSet()[0].getVal();
        assertEquals("HostSystem", host.getType());
        ManagedObjectReference[] nets = (ManagedObjectReference[]) oc[0].getPropSet()[1].getVal();
        assertEquals("DistributedVirtualPortgroup", nets[1].getType());
        assertEquals("network-1", nets[0].getVal());
    }

    @Test
    void unknownTypesFallBackToTheDeclaredOneAndUnknownEnumValuesToNull() throws Exception {
        ObjectContent[] oc = (ObjectContent[]) read("ObjectContent[]", "<RetrievePropertiesResponse xmlns=\"urn:vim25\"><returnval>"
                + "<obj type=\"VirtualMachine\">vm-1</obj>"
                + "<propSet><name>config.hardware.device</name><val xsi:type=\"ArrayOfVirtualDevice\">"
                + "<VirtualDevice xsi:type=\"VirtualNVMEController\"><key>31000</key><busNumber>0</busNumber></VirtualDevice>"
                + "<VirtualDevice xsi:type=\"VirtualDisk\"><key>2000</key><capacityInKB>4096</capacityInKB>"
                + "<capacityInBytes>4194304</capacityInBytes><nativeUnmanagedLinkedClone>false</nativeUnmanagedLinkedClone>"
                + "<backing xsi:type=\"VirtualDiskFlatVer2BackingInfo\"><fileName>[ds1] vm/vm.vmdk</fileName>"
                + "<datastore type=\"Datastore\">datastore-1</datastore><diskMode>persistent</diskMode>"
                + "<thinProvisioned>true</thinProvisioned><keyId><keyId>k</keyId></keyId></backing></VirtualDevice>"
                + "<VirtualDevice xsi:type=\"VirtualVmxnet3\"><key>4000</key><macAddress>00:50:56:00:00:01</macAddress>"
                + "<connectable><startConnected>true</startConnected><allowGuestControl>true</allowGuestControl>"
                + "<connected>true</connected><status>ok</status></connectable></VirtualDevice>"
                + "</val></propSet>"
                + "<propSet><name>runtime.powerState</name><val xsi:type=\"VirtualMachinePowerState\">poweredOn</val></propSet>"
                + "<propSet><name>runtime.connectionState</name><val xsi:type=\"VirtualMachineConnectionState\">quantumEntangled</val></propSet>"
                + "<propSet><name>config.hardware.numCPU</name><val xsi:type=\"xsd:int\">4</val></propSet>"
                + "</returnval></RetrievePropertiesResponse>");
        DynamicProperty[] props = oc[0].getPropSet();
        VirtualDevice[] devices = (VirtualDevice[]) props[0].getVal();
        assertEquals(3, devices.length);
        assertEquals(VirtualDevice.class, devices[0].getClass(), "an unknown device is read as a VirtualDevice");
        assertEquals(31000, devices[0].getKey());
        VirtualDisk disk = (VirtualDisk) devices[1];
        assertEquals(4194304L, disk.getCapacityInBytes());
        VirtualDiskFlatVer2BackingInfo b = (VirtualDiskFlatVer2BackingInfo) disk.getBacking();
        assertEquals("[ds1] vm/vm.vmdk", b.getFileName());
        assertTrue(b.getThinProvisioned());
        assertEquals("datastore-1", b.getDatastore().getVal());
        VirtualVmxnet3 nic = (VirtualVmxnet3) devices[2];
        assertEquals("00:50:56:00:00:01", nic.getMacAddress());
        assertTrue(nic.getConnectable().isConnected());
        assertEquals(VirtualMachinePowerState.poweredOn, props[1].getVal());
        assertNull(props[2].getVal(), "an enum value the client does not know");
        assertEquals(4, props[3].getVal());
    }

    @Test
    void aFaultIsThrownAsTheVim25FaultItNames() {
        InvalidLogin e = assertThrows(InvalidLogin.class, () -> read("UserSession", "<soapenv:Fault><faultcode>ServerFaultCode</faultcode>"
                + "<faultstring>Login failure</faultstring><detail><InvalidLoginFault xmlns=\"urn:vim25\" xsi:type=\"InvalidLogin\">"
                + "</InvalidLoginFault></detail></soapenv:Fault>"));
        assertEquals("Login failure", e.getCause().getMessage());
        NotAuthenticated n = assertThrows(NotAuthenticated.class, () -> read("RetrieveResult", "<soapenv:Fault><faultcode>ServerFaultCode</faultcode>"
                + "<faultstring>The session is not authenticated.</faultstring><detail><NotAuthenticatedFault xmlns=\"urn:vim25\">"
                + "<object type=\"Folder\">group-d1</object><privilegeId>System.View</privilegeId></NotAuthenticatedFault></detail></soapenv:Fault>"));
        assertEquals("System.View", n.getPrivilegeId());
        RemoteException plain = assertThrows(RemoteException.class, () -> read("String",
                "<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>bad request</faultstring></soapenv:Fault>"));
        assertTrue(plain.getMessage().contains("bad request"));
    }

    @Test
    void anAnswerThatIsNotSoapSaysSo() {
        assertThrows(VimXmlReader.NotSoapException.class, () -> VimXmlReader.read("String",
                new ByteArrayInputStream("<html><body>It works</body></html>".getBytes(StandardCharsets.UTF_8))));
        assertThrows(VimXmlReader.NotSoapException.class, () -> VimXmlReader.read("String",
                new ByteArrayInputStream("not xml at all".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void voidAndSimpleAnswers() throws Exception {
        assertNull(read(null, "<LogoutResponse xmlns=\"urn:vim25\"></LogoutResponse>"));
        assertEquals("abc", read("String", "<XResponse xmlns=\"urn:vim25\"><returnval>abc</returnval></XResponse>"));
        String[] a = (String[]) read("String[]", "<XResponse xmlns=\"urn:vim25\"><returnval>a</returnval><returnval>b</returnval></XResponse>");
        assertArrayEquals(new String[]{"a", "b"}, a);
        assertEquals(2024, ((java.util.Calendar) read("Calendar",
                "<CurrentTimeResponse xmlns=\"urn:vim25\"><returnval>2024-05-01T10:11:12.123456789Z</returnval></CurrentTimeResponse>"))
                .get(java.util.Calendar.YEAR));
    }
}
