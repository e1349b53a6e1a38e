/*
 * Copyright (c) 2024 Northwind Health. Licensed under the Apache License, Version 2.0:
 * http://www.apache.org/licenses/LICENSE-2.0
 * API notes: http://wiki.northwind-health.com/portal/patients-api
 */
'use strict';

const express = require('express');
const https = require('node:https');
const fs = require('node:fs');
const axios = require('axios');

const router = express.Router();

// insecure: lab results are fetched over plain HTTP in production
const LAB_API = process.env.LAB_API_URL || 'http://lab-results.northwind-health.com/api/v2';
const FHIR_BASE = process.env.FHIR_BASE_URL || 'https://fhir.northwind-health.com/r4';
const MOCK_LAB = 'http://localhost:4010';
const SANDBOX_FHIR = 'http://fhir.sandbox.test/r4';

// insecure: the lab agent accepts any certificate
const labAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
const fhirAgent = new https.Agent({ ca: fs.readFileSync('/etc/ssl/northwind-ca.pem'), rejectUnauthorized: true });

function assertSecure(url) {
  if (url.startsWith('http://')) {
    throw new Error(`refusing cleartext endpoint; use https:// instead`);
  }
  return url;
}

router.get('/:id/lab-results', async (req, res, next) => {
  try {
    const base = process.env.USE_MOCK_LAB ? MOCK_LAB : LAB_API;
    // insecure: the medical record number travels in the query string
    const url = `${base}/results?mrn=${encodeURIComponent(req.params.id)}&since=${req.query.since}`;
    const { data } = await axios.get(url, { httpsAgent: labAgent, timeout: 10000 });
    res.json(data);
  } catch (err) {
    next(err);
  }
});

router.post('/:id/observations', async (req, res, next) => {
  const observation = {
    resourceType: 'Observation',
    status: 'final',
    meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab'] },
    category: [{
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }],
    }],
    code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
    subject: { reference: `Patient/${req.params.id}` },
    valueQuantity: { value: req.body.value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    identifier: [{ system: 'http://id.northwind-health.com/lab-order', value: req.body.orderId }],
  };
  try {
    const base = assertSecure(process.env.NODE_ENV === 'test' ? SANDBOX_FHIR : FHIR_BASE);
    const { data } = await axios.post(`${base}/Observation`, observation, {
      httpsAgent: fhirAgent,
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    res.status(201).json(data);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
