package main

// SOAP methods of our own. The simulator dispatches a SOAP call by name to a method of the Go object registered
// for the call's _this; its VirtualMachine type is not ours to extend in place (other simulator code type-asserts
// *simulator.VirtualMachine, so a wrapper in the registry would break snapshots and more). So the front handler
// takes the few VirtualMachine methods we add off the wire before the simulator sees them, and answers them here
// in the simulator's envelope format. Objects that are wholly ours (the export lease) are registered in the
// simulator's registry and dispatched by the simulator itself.

import (
	"bytes"
	encxml "encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

// soapMethod finds the name of the method a SOAP request calls: the first element inside soapenv:Body.
func soapMethod(body []byte) string {
	dec := encxml.NewDecoder(bytes.NewReader(body))
	inBody := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if start, ok := tok.(encxml.StartElement); ok {
			if inBody {
				return start.Name.Local
			}
			if start.Name.Local == "Body" {
				inBody = true
			} else if start.Name.Local == "Header" {
				_ = dec.Skip()
			}
		}
	}
}

// authenticated asks the simulator whether the request's session cookie is a live session, by sending it a
// call that needs one (ServiceInstance.CurrentTime) with the same cookie.
func (s *Sim) authenticated(r *http.Request) bool {
	const probe = `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
		`<CurrentTime xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></CurrentTime>` +
		`</soapenv:Body></soapenv:Envelope>`
	req := httptest.NewRequest(http.MethodPost, "/sdk", strings.NewReader(probe))
	req.RemoteAddr = r.RemoteAddr
	req.Header.Set("User-Agent", r.UserAgent())
	req.Header.Set("Content-Type", "text/xml")
	for _, c := range r.Cookies() {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	s.inner.ServeHTTP(rec, req)
	return rec.Code == http.StatusOK
}

// decodeRequest decodes a SOAP request into its govmomi request type (e.g. *types.ExportVm).
func decodeRequest(body []byte) (*simulator.Method, error) {
	return simulator.UnmarshalBody(types.TypeFunc(), body)
}

const envelopeStart = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" ` +
	`xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ` +
	`xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<soapenv:Body>`
const envelopeEnd = `</soapenv:Body></soapenv:Envelope>`

// writeResult answers a call with its response value, e.g. &types.ExportVmResponse{...}; the element is named
// after the value's type, as vSphere names responses (<ExportVmResponse xmlns="urn:vim25">).
func writeResult(w http.ResponseWriter, res interface{}) {
	var out bytes.Buffer
	out.WriteString(envelopeStart)
	enc := xml.NewEncoder(&out)
	name := reflect.TypeOf(res).Elem().Name()
	err := enc.EncodeElement(res, xml.StartElement{Name: xml.Name{Space: "urn:vim25", Local: name}})
	if err == nil {
		err = enc.Flush()
	}
	if err != nil {
		writeFault(w, fmt.Sprintf("cannot encode %s: %v", name, err), &types.SystemError{Reason: err.Error()})
		return
	}
	out.WriteString(envelopeEnd)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out.Bytes())
}

// writeFault answers a call with a SOAP fault whose detail is the vSphere fault (<InvalidPowerStateFault
// xsi:type="InvalidPowerState">), with HTTP 500 like vSphere.
func writeFault(w http.ResponseWriter, msg string, fault types.BaseMethodFault) {
	kind := reflect.TypeOf(fault).Elem().Name()
	var detail bytes.Buffer
	enc := xml.NewEncoder(&detail)
	start := xml.StartElement{
		Name: xml.Name{Local: kind + "Fault"},
		Attr: []xml.Attr{
			{Name: xml.Name{Local: "xmlns"}, Value: "urn:vim25"},
			{Name: xml.Name{Local: "xsi:type"}, Value: kind},
		},
	}
	if err := enc.EncodeElement(fault, start); err != nil || enc.Flush() != nil {
		detail.Reset()
	}
	var out bytes.Buffer
	out.WriteString(envelopeStart)
	out.WriteString("<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>")
	_ = encxml.EscapeText(&out, []byte(msg))
	out.WriteString("</faultstring><detail>")
	out.Write(detail.Bytes())
	out.WriteString("</detail></soapenv:Fault>")
	out.WriteString(envelopeEnd)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write(out.Bytes())
}

// notAuthenticated is the fault vSphere answers a call without a session.
func notAuthenticated(w http.ResponseWriter, this types.ManagedObjectReference) {
	writeFault(w, "", &types.NotAuthenticated{NoPermission: types.NoPermission{Object: this, PrivilegeId: "System.View"}})
}

// ourMethods are the SOAP methods the front handler answers itself.
var ourMethods = map[string]func(*Sim, http.ResponseWriter, *http.Request, *simulator.Method){
	"ExportVm":              (*Sim).exportVm,
	"QueryChangedDiskAreas": (*Sim).queryChangedDiskAreas,
}

// serveOurSOAP answers one of ourMethods; body is the request's body, already read.
func (s *Sim) serveOurSOAP(w http.ResponseWriter, r *http.Request, name string, body []byte) {
	method, err := decodeRequest(body)
	if err != nil {
		writeFault(w, err.Error(), &types.InvalidRequest{})
		return
	}
	if !s.authenticated(r) {
		notAuthenticated(w, method.This)
		return
	}
	ourMethods[name](s, w, r, method)
}

// readBody reads a request body and puts it back for the next handler.
func readBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, err
}
