package hl7listener

import (
	"fmt"
	"log"
	"time"
)

// OrderMessage builds the ORM^O01 sent to the reference lab for a new order.
func OrderMessage(controlID, mrn, family, given, birthDate, testCode string) string {
	now := time.Now().Format("20060102150405")
	msg := fmt.Sprintf("MSH|^~\\&|EHR|LAKESHORE|LAB|BRIGHTWATER|%s||ORM^O01|%s|P|2.5\r", now, controlID) +
		fmt.Sprintf("PID|1||%s^^^LAKESHORE^MR||%s^%s||%s\r", mrn, family, given, birthDate) +
		fmt.Sprintf("ORC|NW|%s\rOBR|1|%s||%s\r", controlID, controlID, testCode)
	log.Printf("order %s built: %s", controlID, msg)
	return msg
}

// Ack builds the acknowledgement returned to the lab.
func Ack(controlID string) string {
	ack := "MSH|^~\\&|EHR|LAKESHORE|LAB|BRIGHTWATER|||ACK|" + controlID + "|P|2.5\rMSA|AA|" + controlID
	log.Printf("ack for %s: %q", controlID, ack)
	return ack
}
