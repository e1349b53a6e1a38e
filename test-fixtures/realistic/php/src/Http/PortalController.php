<?php

declare(strict_types=1);

namespace Lakeshore\Portal\Http;

use Lakeshore\Portal\Repository\PatientRepository;

final class PortalController
{
    private const LAB_API = 'http://labs.oakvale-diagnostics.net/api/v2';
    private const FHIR_API = 'https://fhir.lakeshore-care.net/r4';

    public function __construct(private PatientRepository $patients)
    {
    }

    public function summary(int $patientId): string
    {
        $patient = $this->patients->find($patientId);

        // remember the last chart opened, so the header can show it on the next page
        setcookie('last_patient', $patient['family_name'] . ', ' . $patient['given_name'], time() + 3600, '/');
        setcookie('last_diagnosis', $patient['diagnosis'], time() + 3600, '/', '', false, false);

        setcookie('portal_theme', 'dark', time() + 86400 * 30, '/');
        setcookie('last_patient_id', (string) $patientId, time() + 3600, '/');
        setcookie('chart_context', json_encode($patient['allergies']), [
            'expires' => time() + 900,
            'path' => '/',
            'secure' => true,
            'httponly' => true,
            'samesite' => 'Strict',
        ]);

        return $this->render('summary', ['patient' => $patient]);
    }

    public function labResults(string $mrn): array
    {
        $ch = curl_init(self::LAB_API . '/results?mrn=' . urlencode($mrn));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $body = curl_exec($ch);
        curl_close($ch);

        $fhir = curl_init(self::FHIR_API . '/Observation?patient=' . urlencode($mrn));
        curl_setopt($fhir, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($fhir, CURLOPT_SSL_VERIFYPEER, false);
        $observations = curl_exec($fhir);
        curl_close($fhir);

        return [json_decode((string) $body, true), json_decode((string) $observations, true)];
    }

    private function render(string $view, array $data): string
    {
        ob_start();
        extract($data);
        require __DIR__ . '/../../views/' . $view . '.php';
        return (string) ob_get_clean();
    }
}
