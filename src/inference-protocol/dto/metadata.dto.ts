import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ServerMetadataDto {
  @ApiProperty({ example: 'sightline' }) name: string;
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ type: [String], example: ['binary_tensor_data'] }) extensions: string[];
}

export class ServerLiveDto {
  @ApiProperty({ example: true }) live: boolean;
}

export class ServerReadyDto {
  @ApiProperty({ example: true }) ready: boolean;
  @ApiProperty({ example: true, description: 'the field name the specification text uses for this response' })
  live: boolean;
  @ApiPropertyOptional({ description: 'why the server is not ready (with status 503)' }) error?: string;
}

export class MetadataTensorDto {
  @ApiProperty({ example: 'state' }) name: string;
  @ApiProperty({ example: 'FP32' }) datatype: string;
  @ApiProperty({ type: [Number], example: [-1, -1], description: '-1 for a dynamic dimension' })
  shape: number[];
}

export class ModelMetadataDto {
  @ApiProperty({ example: 'stateful-scorer' }) name: string;
  @ApiProperty({ type: [String], example: ['1'] }) versions: string[];
  @ApiProperty({ example: 'onnxruntime_onnx' }) platform: string;
  @ApiProperty({ type: [MetadataTensorDto] }) inputs: MetadataTensorDto[];
  @ApiProperty({ type: [MetadataTensorDto] }) outputs: MetadataTensorDto[];
}

export class ModelReadyDto {
  @ApiProperty({ example: 'stateful-scorer' }) name: string;
  @ApiProperty({ example: true }) ready: boolean;
  @ApiPropertyOptional({ description: 'why the version is not ready (with status 503)' }) error?: string;
}

export class ProtocolErrorDto {
  @ApiProperty({ example: 'input "step": shape [1] has rank 1, the model expects rank 0 []' }) error: string;
}
