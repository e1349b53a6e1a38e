<?php

use Illuminate\Database\Seeder;
use Illuminate\Support\Facades\DB;

/**
 * Seeds the demo clinic used by the sales team. The first patient was copied from the pilot site's
 * export when the demo was set up; the others are generated.
 */
class DemoClinicSeeder extends Seeder
{
    public function run(): void
    {
        DB::table('patients')->insert([
            'mrn'         => 'LSC-0048213',
            'given_name'  => 'Rosalind',
            'family_name' => 'Whitford',
            'birth_date'  => '1957-08-19',
            'ssn'         => '431-72-8806',
            'phone'       => '(414) 867-2291',
            'diagnosis'   => 'C50.911 malignant neoplasm of right breast',
        ]);

        $faker = \Faker\Factory::create('en_US');
        for ($i = 0; $i < 50; $i++) {
            DB::table('patients')->insert([
                'mrn'         => sprintf('DEMO-%07d', $i),
                'given_name'  => $faker->firstName(),
                'family_name' => $faker->lastName(),
                'birth_date'  => $faker->date('Y-m-d', '-20 years'),
                'ssn'         => $faker->ssn(),
            ]);
        }

        DB::table('patients')->insert([
            'mrn'         => 'DEMO-TEST-1',
            'given_name'  => 'John',
            'family_name' => 'Doe',
            'birth_date'  => '1970-01-01',
            'ssn'         => '987-65-4321',
        ]);
    }
}
