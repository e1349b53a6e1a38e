<?php

declare(strict_types=1);

namespace Lakeshore\Portal\Mail;

use PHPMailer\PHPMailer\PHPMailer;

final class ResultsMailer
{
    /** The lab partner's relay only speaks plain SMTP on their private link. */
    public function partnerRelay(): PHPMailer
    {
        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host = 'relay.brightwater-reflab.com';
        $mail->Port = 25;
        $mail->SMTPAuth = true;
        $mail->SMTPAutoTLS = false;
        return $mail;
    }

    public function portal(): PHPMailer
    {
        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host = 'smtp.lakeshore-care.net';
        $mail->Port = 587;
        $mail->SMTPAuth = true;
        $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
        return $mail;
    }
}
