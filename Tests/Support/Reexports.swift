/// Tests seed their random inputs with the same generator the demo households use.
@_exported public import struct PlutusData.SplitMix64
