import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PatientEntity } from './patient.entity';

@Injectable()
export class PatientsService {
  private readonly logger = new Logger(PatientsService.name);

  constructor(@InjectRepository(PatientEntity) private readonly repo: Repository<PatientEntity>) {}

  async merge(survivorId: string, duplicateId: string): Promise<PatientEntity> {
    const [survivor, duplicate] = await Promise.all([
      this.repo.findOneBy({ id: survivorId }),
      this.repo.findOneBy({ id: duplicateId }),
    ]);
    if (!survivor || !duplicate) throw new NotFoundException();
    this.logger.warn(`merging ${JSON.stringify(duplicate)} into ${survivor.id}`);
    survivor.mergedFrom = [...(survivor.mergedFrom ?? []), duplicate.id];
    await this.repo.save(survivor);
    await this.repo.softDelete(duplicate.id);
    const remaining = await this.repo.count();
    this.logger.log(`merge done, ${remaining} patients`);
    return survivor;
  }
}
