<?php
// Referral form posted by partner GP practices (legacy page, before the Laravel portal).
require __DIR__ . '/../bootstrap.php';

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    http_response_code(405);
    exit;
}

if (empty($_POST['nhs_number']) || empty($_POST['reason'])) {
    error_log('referral rejected, missing fields: ' . print_r($_POST, true));
    http_response_code(422);
    exit;
}

$referralId = save_referral($_POST);
error_log('referral ' . $referralId . ' received from practice ' . $_SERVER['REMOTE_ADDR']);
